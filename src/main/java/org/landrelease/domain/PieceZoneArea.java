package org.landrelease.domain;

/** The part of one piece (its index among the pieces written together) in one zone of one zoning, in m². */
public record PieceZoneArea(int piece, String zoning, String zone, double m2) {}
