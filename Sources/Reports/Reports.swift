import Analysis
import Charts
import Maps
