package org.glasshouse.metrics.stats;

/** Whether an indicator's attainment keeps pace with the time elapsed on its agreement. */
public enum AttainmentStatus {
    ON_TRACK("on_track"),
    AT_RISK("at_risk"),
    OFF_TRACK("off_track");

    private final String code;

    AttainmentStatus(String code) {
        this.code = code;
    }

    /** The value written to the open data and used in CSS classes. */
    public String code() {
        return code;
    }
}
