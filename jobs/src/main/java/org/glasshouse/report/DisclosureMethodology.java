package org.glasshouse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.glasshouse.report.sdc.DisclosureAudit;
import org.glasshouse.report.sdc.DisclosureAuditFile;
import org.glasshouse.reports.model.Block;
import org.glasshouse.reports.model.Heading;
import org.glasshouse.reports.model.LinkList;
import org.glasshouse.reports.model.Paragraph;

/** The methodology page's disclosure-control section, in plain words, with this release's audit. */
public final class DisclosureMethodology {

    private DisclosureMethodology() {}

    public static List<Block> blocks(int k, DisclosureAudit audit) {
        List<Block> b = new ArrayList<>();
        b.add(new Heading(2, "Disclosure control"));
        b.add(new Paragraph("To protect the people served, any count of people from 1 to " + (k - 1)
                + " (the minimum cell size is " + k + ") is suppressed and shown as [c] on every page, chart table, "
                + "the PDF and the open data (CSV and JSON show [c]; Parquet leaves the cell empty). So is every "
                + "figure that would give such a count back: cost per beneficiary, shares, impact estimates and "
                + "their notes, cost per participant improved, quartiles of cost per beneficiary, and the evidence of "
                + "cost-per-beneficiary flags. A figure is published only when every count it is computed from is, "
                + "so its rounding never narrows a hidden count. The evidence of the other integrity flags (dates, "
                + "amounts, transaction ids, days late) says nothing about people and is always published."));
        b.add(new Paragraph("Counts are linked: a programme's people are at most the sum of its agreements' and at "
                + "least each of them, overall people are the sum of the programmes', a partner's are the sum of its "
                + "agreements' across programmes, overlap bounds the difference, each breakdown covers its programme, "
                + "a share times a count gives another count, a partner's accepted service rows are at least its "
                + "people on a first release (so they are hidden with them when needed), and whether an agreement is "
                + "flagged as a cost outlier bounds its people. Someone who knows every published figure and all "
                + "these relations could work out a hidden count by arithmetic, so further counts are suppressed "
                + "(secondary suppression). They are chosen by solving a mixed-integer program that hides as few "
                + "people as possible while leaving every small count uncertain: whatever an attacker computes, a "
                + "hidden small count could still be as low as 1 and as high as "
                + (audit == null ? "the protection level" : audit.p() + " people")
                + " above its true value, or as far as the release's own structure allows (a total over two "
                + "programmes that each served someone is at least 2, whatever is hidden). Zeros are never hidden. "
                + "The search is bounded by a count of work, not by time, so every run on the same data hides the "
                + "same cells."));
        if (audit != null) {
            StringBuilder s = new StringBuilder("In this release ");
            int all = audit.primaryCells() + audit.secondaryCells();
            if (all == 0) {
                s.append("no count of people needed suppression.");
            } else {
                s.append(audit.primaryCells()).append(audit.primaryCells() == 1 ? " small count was" : " small counts were")
                        .append(" suppressed, and ").append(audit.secondaryCells())
                        .append(audit.secondaryCells() == 1 ? " further count" : " further counts")
                        .append(" to protect ").append(audit.primaryCells() == 1 ? "it" : "them");
                DisclosureAudit.Range r = audit.peopleHiddenShown();
                if (audit.secondaryCells() > 0 && r != null) {
                    s.append(r.exact() ? String.format(Locale.ROOT, " (%,d people)", r.low())
                            : String.format(Locale.ROOT, " (between %,d and %,d people)", r.low(), r.high()));
                }
                s.append(". Before publication an audit solved the attacker's problem for every small count (the "
                        + "lowest and highest value consistent with everything published, in whole people): ")
                        .append(audit.passed() ? "every one is protected." : "it failed, and the release was refused.");
                long bounded = audit.cells().stream().filter(c -> c.neededAbove() < audit.p()).count();
                if (bounded > 0) {
                    s.append(" ").append(bounded).append(bounded == 1 ? " small count is" : " small counts are")
                            .append(" bounded more tightly by a published cost-outlier flag than suppression can "
                                    + "hide (the flag is an accountability finding and stays published).");
                }
                if (audit.narrowest() != null) {
                    s.append(String.format(Locale.ROOT, " The narrowest range anyone can compute for a hidden count is "
                            + "%,.0f to %,.0f people.", audit.narrowest().lower(), audit.narrowest().upper()));
                }
            }
            b.add(new Paragraph(s.toString()));
            b.add(new LinkList(List.of(new LinkList.Item(DisclosureAuditFile.PUBLIC, DisclosureAuditFile.PUBLIC,
                    "Method, minimum cell size, protection level, cells suppressed and the audit's result"))));
        }
        b.add(new Paragraph("Charts do not draw suppressed values; their tables show them as not available. "
                + "Beneficiary references, contact details and the free-text descriptions of transactions are never "
                + "published."));
        return b;
    }
}
