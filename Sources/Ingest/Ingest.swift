import GeoModel
import GeoIO
