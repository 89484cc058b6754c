package org.landrelease.domain;

public enum HazardType { AP_MINE, AT_MINE, CLUSTER_MUNITION, UXO, IED, OTHER }
