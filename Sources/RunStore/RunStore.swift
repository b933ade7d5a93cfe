import GeoModel
import Analysis
