package io.meshport.governance;

/** What the governance overview counts compliance by: the products' domains or their owning teams. */
public enum ComplianceGrouping {
    DOMAIN,
    TEAM
}
