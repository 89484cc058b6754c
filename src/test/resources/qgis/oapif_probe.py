"""Reads the ledger's OGC API - Features with QGIS's own OAPIF provider (headless), as a GIS officer's QGIS would.

Usage: python3 oapif_probe.py URL XMIN,YMIN,XMAX,YMAX EXPRESSION
Prints one JSON object: each layer's validity, feature count, CRS and fields; for hazards, the ids QGIS reads (in
pages of 2, by the API's next links), their ellipsoidal area on WGS84 as QGIS measures it, the ids inside the
rectangle (QGIS sends it as bbox) and the ids an expression selects.
"""
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsDistanceArea, QgsFeatureRequest,  # noqa: E402
                       QgsProject, QgsRectangle, QgsVectorLayer)

url, rect, expression = sys.argv[1], [float(v) for v in sys.argv[2].split(",")], sys.argv[3]
app = QgsApplication([], False)
app.initQgis()
out = {"layers": {}}
try:
    for name in ["hazards", "releases", "regions", "events"]:
        layer = QgsVectorLayer(f"url='{url}' typename='{name}' pageSize='2'", name, "OAPIF")
        out["layers"][name] = {
            "valid": layer.isValid(),
            "error": layer.error().summary() if not layer.isValid() else None,
            "featureCount": layer.featureCount(),
            "crs": layer.crs().authid(),
            "fields": [f.name() for f in layer.fields()],
        }
        if name != "hazards" or not layer.isValid():
            continue
        area = QgsDistanceArea()
        area.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance().transformContext())
        area.setEllipsoid("WGS84")
        ids, m2 = [], 0.0
        for f in layer.getFeatures():
            ids.append(f["id"])
            m2 += area.measureArea(f.geometry())
        out["hazards"] = {
            "ids": sorted(ids),
            "areaM2": m2,
            "rectIds": sorted(f["id"] for f in layer.getFeatures(QgsFeatureRequest().setFilterRect(QgsRectangle(*rect)))),
            "expressionIds": sorted(f["id"] for f in layer.getFeatures(QgsFeatureRequest().setFilterExpression(expression))),
        }
finally:
    app.exitQgis()
print(json.dumps(out))
