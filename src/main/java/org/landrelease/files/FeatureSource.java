package org.landrelease.files;

import java.util.List;
import org.landrelease.geometry.Reprojection;

/**
 * The features of one layer of an imported file. forEach reads the file from its start each time, so an import can
 * check the whole file before it stores anything and then apply it, without holding every feature in memory.
 */
public interface FeatureSource extends AutoCloseable {
  /** The attribute columns of the layer, in file order. */
  List<String> columns();

  /** How to move the layer's coordinates into WGS84 lon/lat; the identity when the file is already in it. */
  Reprojection crs();

  void forEach(Sink sink) throws Exception;

  @Override
  void close();

  /** Receives each feature in file order. */
  interface Sink {
    void accept(SourceFeature feature) throws Exception;
  }
}
