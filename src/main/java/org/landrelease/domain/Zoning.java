package org.landrelease.domain;

import java.time.Instant;

/**
 * A zoning: a named polygon layer that every piece is split by, beside the regions (raion, hromada, landcover).
 * synthetic says the zones are generated (the demo's land cover), not an authority's boundaries.
 */
public record Zoning(String name, String title, boolean synthetic, String source, Instant loadedAt, String loadedBy,
    int zones) {}
