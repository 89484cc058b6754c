"""Headless QGIS draws a layer of the ledger's vector tiles (its own MVT provider and decoder) over one tile's
extent; prints JSON: whether the layer is valid, its zoom range, and how many pixels it painted in the fill colour.
Arguments: tile URL template, min zoom, max zoom, and the extent in EPSG:3857 (xmin ymin xmax ymax)."""
import json
import sys

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsMapRendererSequentialJob,
                       QgsMapSettings, QgsRectangle, QgsVectorTileBasicRenderer, QgsVectorTileBasicRendererStyle,
                       QgsVectorTileLayer, QgsWkbTypes)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

app = QgsApplication([], False)
app.initQgis()
url, zmin, zmax = sys.argv[1], sys.argv[2], sys.argv[3]
xmin, ymin, xmax, ymax = (float(v) for v in sys.argv[4:8])
layer = QgsVectorTileLayer("type=xyz&url=" + url + "&zmin=" + zmin + "&zmax=" + zmax, "ledger")
style = QgsVectorTileBasicRendererStyle("fill", None, QgsWkbTypes.PolygonGeometry)
style.setSymbol(QgsFillSymbol.createSimple({"color": "255,0,0,255", "outline_style": "no"}))
renderer = QgsVectorTileBasicRenderer()
renderer.setStyles([style])
layer.setRenderer(renderer)
settings = QgsMapSettings()
settings.setLayers([layer])
settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
settings.setExtent(QgsRectangle(xmin, ymin, xmax, ymax))
settings.setOutputSize(QSize(512, 512))
settings.setBackgroundColor(QColor(255, 255, 255))
job = QgsMapRendererSequentialJob(settings)
job.start()
job.waitForFinished()
image = job.renderedImage()
red = 0
for y in range(image.height()):
    for x in range(image.width()):
        c = QColor(image.pixel(x, y))
        if c.red() > 200 and c.green() < 60 and c.blue() < 60:
            red += 1
print(json.dumps({"valid": layer.isValid(), "crs": layer.crs().authid(), "minZoom": layer.sourceMinZoom(),
                  "maxZoom": layer.sourceMaxZoom(), "redPixels": red, "pixels": image.width() * image.height()}))
