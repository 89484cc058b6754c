package org.landrelease.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Generates the benchmark workload from a seed: the same seed and sizes give byte-identical files. */
final class WorkloadGenerator {
  private WorkloadGenerator() {}

  static Workload generate(int hazards, int events, long seed, Path regionsFile, ObjectMapper mapper)
      throws Exception {
    long t0 = System.nanoTime();
    WorkloadRegions regions = WorkloadRegions.read(regionsFile, mapper);
    SplittableRandom rnd = new SplittableRandom(seed);
    WorkloadFunding funding = new WorkloadFunding();
    WorkloadHazards.Placed placed = new WorkloadHazards(regions, rnd.split()).place(hazards, funding, mapper);
    WorkloadLayout layout = placed.layout();
    double hazardM2 = layout.hazards().stream().mapToDouble(WorkloadLayout.Hazard::areaM2).sum();
    System.out.printf("Generated %,d hazards, %,.0f km² in all, in %.1f s%n", hazards, hazardM2 / 1e6,
        (System.nanoTime() - t0) / 1e9);

    WorkloadBorders borders = new WorkloadBorders(regions, WorkloadHazards.REGION_WEIGHTS.keySet());
    WorkloadEvents generator = new WorkloadEvents(layout, regions, borders, rnd.split());
    List<byte[]> eventBodies = generator.bodies(events, funding, mapper);
    System.out.printf("Generated %,d events in %.1f s: footprints %,.0f km² = %.2f× the hazard area; placements %s;"
        + " %,d inner-border points%n", events, (System.nanoTime() - t0) / 1e9, generator.footprintM2() / 1e6,
        generator.footprintM2() / hazardM2, generator.counts(), borders.size());

    List<Workload.Point> centres = new ArrayList<>(layout.size());
    layout.hazards().forEach(h -> centres.add(new Workload.Point(h.lon(), h.lat())));
    return new Workload(funding.toJson(mapper, hazards, events, seed), placed.bodies(), eventBodies, centres);
  }
}
