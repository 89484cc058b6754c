package org.landrelease.domain;

/** A first-level administrative unit (oblast, city with special status, autonomous republic). */
public record Region(String code, String name, String nameUk, double areaKm2) {}
