import Graphics
import GeoModel
