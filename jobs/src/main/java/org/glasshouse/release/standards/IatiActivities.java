package org.glasshouse.release.standards;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Programmes and agreements as IATI activities (activity standard 2.03), valid against iati-activities-schema.xsd:
 * each programme is a parent activity (hierarchy 1) and each agreement a child (hierarchy 2) with the agency as
 * funder and the partner as implementer, its commitment, its disbursements and expenditures to the as-of date as
 * transactions, and its indicators' latest period as results. Built from the public tables only; the XML is written
 * through the JDK's DOM, so every text is escaped.
 */
public final class IatiActivities {

    public static final String FILE = "standards/iati-activities.xml";
    public static final String SCHEMA = "http://reference.iatistandard.org/203/schema/";

    /** IATI OrganisationType codes for the partner types of the data contract. */
    private static final Map<String, String> ORGANISATION_TYPE = Map.of("nonprofit", "22", "business", "70",
            "academic", "80", "community", "22", "government", "10");
    /** IATI IndicatorMeasure codes for the indicator units of the data contract (1 unit, 2 percentage). */
    private static final Map<String, String> MEASURE = Map.of("percent", "2", "count", "1", "currency", "1",
            "score", "1");

    private IatiActivities() {}

    public static List<StandardsFile> write(Path site, ReleaseContext c) throws IOException {
        List<Agreement> agreements = Agreement.all(c);
        if (agreements.isEmpty()) return List.of();
        Document doc = newDocument();
        Element root = doc.createElement("iati-activities");
        root.setAttribute("version", "2.03");
        root.setAttribute("generated-datetime", c.asOfTimestamp());
        doc.appendChild(root);
        Map<String, List<Agreement>> byProgramme = new LinkedHashMap<>();
        for (Agreement a : agreements) byProgramme.computeIfAbsent(a.programmeId(), p -> new ArrayList<>()).add(a);
        for (var e : byProgramme.entrySet()) root.appendChild(programme(doc, c, e.getKey(), e.getValue()));
        for (Agreement a : agreements) root.appendChild(agreement(doc, c, a));
        Path file = site.resolve(FILE);
        Files.createDirectories(file.getParent());
        try {
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.INDENT, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            t.transform(new DOMSource(doc), new StreamResult(file.toFile()));
        } catch (TransformerException e) {
            throw new IOException("cannot write " + FILE, e);
        }
        return List.of(new StandardsFile(FILE, "Programmes and agreements as IATI activities", "XML",
                "application/xml", SCHEMA));
    }

    private static Element programme(Document doc, ReleaseContext c, String programmeId, List<Agreement> agreements) {
        Agreement first = agreements.get(0);
        DataTable ref = c.t("programmes");
        List<Object> row = Agreement.byKey(ref, "programme_id").get(programmeId);
        LocalDate start = Agreement.date(ref, row, "start_date");
        LocalDate end = Agreement.date(ref, row, "end_date");
        Element a = activity(doc, c, c.currency(), 1);
        add(a, "iati-identifier").setTextContent(identifier(c, programmeId));
        reportingOrg(doc, c, a);
        narrative(doc, add(a, "title"), first.programmeName());
        StringBuilder d = new StringBuilder("Programme ").append(programmeId).append(", ").append(first.programmeName());
        if (!first.agency().isBlank()) d.append(", run by ").append(first.agency());
        d.append(", with ").append(agreements.size()).append(agreements.size() == 1 ? " agreement" : " agreements")
                .append(" with partners. Figures as of ").append(c.asOf()).append('.');
        Element desc = add(a, "description");
        desc.setAttribute("type", "1");
        narrative(doc, desc, d.toString());
        funder(doc, c, a);
        status(a, c.asOf(), start, end);
        dates(a, c.asOf(), start, end);
        for (Agreement x : agreements) {
            Element rel = add(a, "related-activity");
            rel.setAttribute("ref", identifier(c, x.id()));
            rel.setAttribute("type", "2");
        }
        return a;
    }

    private static Element agreement(Document doc, ReleaseContext c, Agreement x) {
        Element a = activity(doc, c, x.awardCurrency().toUpperCase(Locale.ROOT), 2);
        add(a, "iati-identifier").setTextContent(identifier(c, x.id()));
        reportingOrg(doc, c, a);
        narrative(doc, add(a, "title"), x.programmeName() + ": agreement " + x.id() + " with " + x.partnerName());
        Element desc = add(a, "description");
        desc.setAttribute("type", "1");
        narrative(doc, desc, "Agreement " + x.id() + " of the programme " + x.programmeName() + " with "
                + x.partnerName() + (x.paymentModel().isBlank() ? "" : " (" + x.paymentModel().replace('_', '-')
                + ")") + ". Disbursements and expenditures are the totals up to " + c.asOf() + ".");
        funder(doc, c, a);
        Element implementer = add(a, "participating-org");
        implementer.setAttribute("ref", c.ids().partnerIdPrefix() + x.partnerId());
        String type = ORGANISATION_TYPE.get(x.partnerType());
        if (type != null) implementer.setAttribute("type", type);
        implementer.setAttribute("role", "4");
        narrative(doc, implementer, x.partnerName());
        status(a, c.asOf(), x.start(), x.end());
        dates(a, c.asOf(), x.start(), x.end());
        if (x.awarded() != null) {
            transaction(doc, c, a, x, "2", x.start() != null ? x.start() : c.asOf(), x.awarded(),
                    x.awardCurrency().toUpperCase(Locale.ROOT), "Amount committed under the agreement.");
        }
        if (x.disbursed() != null) {
            transaction(doc, c, a, x, "3", c.asOf(), x.disbursed(), c.currency(),
                    "Disbursements net of refunds up to " + c.asOf() + ".");
        }
        if (x.spent() != null) {
            transaction(doc, c, a, x, "4", c.asOf(), x.spent(), c.currency(),
                    "Expenditures reported by the partner up to " + c.asOf() + ".");
        }
        Element parent = add(a, "related-activity");
        parent.setAttribute("ref", identifier(c, x.programmeId()));
        parent.setAttribute("type", "1");
        results(doc, c, a, x);
        return a;
    }

    private static Element activity(Document doc, ReleaseContext c, String currency, int hierarchy) {
        Element a = doc.createElement("iati-activity");
        a.setAttribute("last-updated-datetime", c.asOfTimestamp());
        a.setAttributeNS(XMLConstants.XML_NS_URI, "xml:lang", "en");
        a.setAttribute("default-currency", currency);
        a.setAttribute("hierarchy", Integer.toString(hierarchy));
        return a;
    }

    private static void reportingOrg(Document doc, ReleaseContext c, Element a) {
        Element org = add(a, "reporting-org");
        org.setAttribute("ref", c.ids().organisationId());
        org.setAttribute("type", c.ids().organisationType());
        narrative(doc, org, c.publisher());
    }

    private static void funder(Document doc, ReleaseContext c, Element a) {
        Element org = add(a, "participating-org");
        org.setAttribute("ref", c.ids().organisationId());
        org.setAttribute("type", c.ids().organisationType());
        org.setAttribute("role", "1");
        narrative(doc, org, c.publisher());
    }

    /** ActivityStatus: 1 pipeline before the start, 2 implementation, 4 closed after the end. */
    private static void status(Element a, LocalDate asOf, LocalDate start, LocalDate end) {
        String code = start != null && asOf.isBefore(start) ? "1" : end != null && asOf.isAfter(end) ? "4" : "2";
        add(a, "activity-status").setAttribute("code", code);
    }

    /** ActivityDateType: 1 planned start, 2 actual start (once begun), 3 planned end, 4 actual end (once over). */
    private static void dates(Element a, LocalDate asOf, LocalDate start, LocalDate end) {
        LocalDate s = start != null ? start : asOf;
        date(a, "1", s);
        if (!asOf.isBefore(s)) date(a, "2", s);
        if (end != null) {
            date(a, "3", end);
            if (asOf.isAfter(end)) date(a, "4", end);
        }
    }

    private static void date(Element a, String type, LocalDate d) {
        Element e = add(a, "activity-date");
        e.setAttribute("type", type);
        e.setAttribute("iso-date", d.toString());
    }

    private static void transaction(Document doc, ReleaseContext c, Element a, Agreement x, String type,
                                    LocalDate date, BigDecimal amount, String currency, String description) {
        Element t = add(a, "transaction");
        add(t, "transaction-type").setAttribute("code", type);
        add(t, "transaction-date").setAttribute("iso-date", date.toString());
        Element value = add(t, "value");
        value.setAttribute("currency", currency);
        value.setAttribute("value-date", date.toString());
        value.setTextContent(amount.toPlainString());
        narrative(doc, add(t, "description"), description);
        Element provider = add(t, "provider-org");
        provider.setAttribute("ref", c.ids().organisationId());
        narrative(doc, provider, c.publisher());
        Element receiver = add(t, "receiver-org");
        receiver.setAttribute("ref", c.ids().partnerIdPrefix() + x.partnerId());
        narrative(doc, receiver, x.partnerName());
    }

    /** One outcome result per indicator of the agreement: its latest period's baseline, target and actual. */
    private static void results(Document doc, ReleaseContext c, Element a, Agreement x) {
        DataTable ir = c.t("indicator_results");
        if (ir == null) return;
        DataTable indicators = c.t("indicators");
        Map<String, List<Object>> byIndicator = Agreement.byKey(indicators, "indicator_id");
        Map<String, List<Object>> latest = new LinkedHashMap<>();
        int ai = Agreement.index(ir, "agreement_id");
        for (List<Object> r : ir.rows()) {
            if (ai < 0 || !x.id().equals(String.valueOf(r.get(ai)))) continue;
            String indicator = Agreement.text(ir, r, "indicator_id");
            List<Object> cur = latest.get(indicator);
            if (cur == null || Agreement.text(ir, r, "period").compareTo(Agreement.text(ir, cur, "period")) > 0) {
                latest.put(indicator, r);
            }
        }
        for (var e : latest.entrySet()) {
            List<Object> r = e.getValue();
            List<Object> ind = byIndicator.get(e.getKey());
            String name = Agreement.text(indicators, ind, "name");
            if (name.isBlank()) name = e.getKey();
            LocalDate[] period = period(Agreement.text(ir, r, "period"));
            if (period == null) continue;
            Element result = add(a, "result");
            result.setAttribute("type", "2");
            narrative(doc, add(result, "title"), name);
            Element indicator = add(result, "indicator");
            indicator.setAttribute("measure", MEASURE.getOrDefault(Agreement.text(indicators, ind, "unit"), "1"));
            String direction = Agreement.text(indicators, ind, "direction");
            if (!direction.isBlank()) indicator.setAttribute("ascending", direction.equals("decrease") ? "0" : "1");
            narrative(doc, add(indicator, "title"), name);
            Element ref = add(indicator, "reference");
            ref.setAttribute("vocabulary", "99");
            ref.setAttribute("code", e.getKey());
            BigDecimal baseline = Agreement.number(ir, r, "baseline", ColumnType.NUMBER);
            if (baseline != null) {
                Element b = add(indicator, "baseline");
                b.setAttribute("year", Integer.toString((x.start() != null ? x.start() : period[0]).getYear()));
                b.setAttribute("value", baseline.toPlainString());
            }
            Element p = add(indicator, "period");
            add(p, "period-start").setAttribute("iso-date", period[0].toString());
            add(p, "period-end").setAttribute("iso-date", period[1].toString());
            BigDecimal target = Agreement.number(ir, r, "target", ColumnType.NUMBER);
            if (target != null) add(p, "target").setAttribute("value", target.toPlainString());
            BigDecimal actual = Agreement.number(ir, r, "actual", ColumnType.NUMBER);
            if (actual != null) add(p, "actual").setAttribute("value", actual.toPlainString());
        }
    }

    /** The first and last day of a reporting period written YYYY-MM or YYYY-Qn, or null. */
    static LocalDate[] period(String p) {
        if (p.matches("\\d{4}-\\d{2}")) {
            YearMonth m = YearMonth.parse(p);
            return new LocalDate[] {m.atDay(1), m.atEndOfMonth()};
        }
        if (p.matches("\\d{4}-Q[1-4]")) {
            int year = Integer.parseInt(p.substring(0, 4));
            int q = p.charAt(6) - '0';
            YearMonth first = YearMonth.of(year, 3 * q - 2);
            return new LocalDate[] {first.atDay(1), first.plusMonths(2).atEndOfMonth()};
        }
        return null;
    }

    private static String identifier(ReleaseContext c, String id) {
        return c.ids().organisationId() + "-" + id;
    }

    private static Element add(Element parent, String name) {
        Element e = parent.getOwnerDocument().createElement(name);
        parent.appendChild(e);
        return e;
    }

    private static void narrative(Document doc, Element parent, String text) {
        Element n = doc.createElement("narrative");
        n.setTextContent(text);
        parent.appendChild(n);
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
