import GeoModel
