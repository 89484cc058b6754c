package org.landrelease.domain;

/**
 * A grant's target of land released in one calendar quarter ("2024-Q1"), in geodesic km²: for one outcome
 * ("cancelled", "reduced", "cleared") or for all of them ("released").
 */
public record ReleaseTarget(String quarter, String outcome, double km2) {}
