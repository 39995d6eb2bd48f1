package org.glasshouse.validate.units;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.glasshouse.validate.FileAccount;
import org.glasshouse.validate.read.FileFinding;

/**
 * What validating one landed file gave, kept beside its curated, quarantine, findings and context rows so a later
 * run takes it instead of reading the file again.
 *
 * @param key      the unit's key ({@link FileUnits#key}): the file, the code and settings, the reference data its
 *                 checks read and the files before it
 * @param account  rows read, accepted and quarantined
 * @param opening  findings raised while its start was inspected (before any row was read)
 * @param events   findings raised while its rows were read (e.g. it broke off)
 * @param partials for group-total checks: its rows' share of each group's figures ("check|group" → sums)
 * @param watch    the group figures its verdicts were computed with (groups where it has watched rows); it is
 *                 validated again when they change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileUnit(
        @JsonProperty("key") String key,
        @JsonProperty("account") FileAccount account,
        @JsonProperty("opening") List<FileFinding> opening,
        @JsonProperty("events") List<FileFinding> events,
        @JsonProperty("partials") Map<String, double[]> partials,
        @JsonProperty("watch") Map<String, double[]> watch) {

    public FileUnit withWatch(Map<String, double[]> w) {
        return new FileUnit(key, account, opening, events, partials, w);
    }
}
