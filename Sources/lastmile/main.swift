import LastmileKit
print("lastmile")
