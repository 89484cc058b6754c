package org.landrelease.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A workload ready to replay: the funding document (partners, grants), the API bodies of the hazard reports and of
 * the release events in order, and the hazards' centres (where the map queries look).
 */
record Workload(ObjectNode funding, List<byte[]> hazards, List<byte[]> events, List<Point> hazardCentres) {
  record Point(double lon, double lat) {}
}
