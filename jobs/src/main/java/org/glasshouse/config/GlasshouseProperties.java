package org.glasshouse.config;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Everything under {@code glasshouse.*} in config/application.yml. */
@ConfigurationProperties(prefix = "glasshouse")
public class GlasshouseProperties {

    /** ISO code all money is converted to. */
    private String reportingCurrency = "USD";
    /** Directory of contract YAML files overriding the embedded ones (optional). */
    private String contractsDir = "";
    /** Partner sources (config/partners.yml); empty: ./config/partners.yml if present, else the embedded one. */
    private String partnersFile = "";
    private final Spark spark = new Spark();
    private final Pseudonymisation pseudonymisation = new Pseudonymisation();
    private final Report report = new Report();
    private final Validation validation = new Validation();
    private final Rules rules = new Rules();
    private final Release release = new Release();
    private final Publish publish = new Publish();
    private final Thresholds thresholds = new Thresholds();

    public String getReportingCurrency() { return reportingCurrency; }
    public void setReportingCurrency(String v) { this.reportingCurrency = v; }
    public String getContractsDir() { return contractsDir; }
    public void setContractsDir(String v) { this.contractsDir = v; }
    public String getPartnersFile() { return partnersFile; }
    public void setPartnersFile(String v) { this.partnersFile = v; }
    public Spark getSpark() { return spark; }
    public Pseudonymisation getPseudonymisation() { return pseudonymisation; }
    public Report getReport() { return report; }
    public Validation getValidation() { return validation; }
    public Rules getRules() { return rules; }
    public Release getRelease() { return release; }
    public Publish getPublish() { return publish; }
    public Thresholds getThresholds() { return thresholds; }

    /** Catalogue metadata of a release: the DCAT-US 1.1 fields of data.json and the datapackage.json header. */
    public static class Release {
        private String title = "Glasshouse transparency report: open data";
        private String description = "Money, delivery, outcomes and integrity checks of the agency's partnerships.";
        private java.util.List<String> keywords = new java.util.ArrayList<>(
                java.util.List.of("transparency", "grants", "partnerships", "open data"));
        private String publisher = "The Agency";
        private String contactName = "Open data team";
        private String contactEmail = "opendata@agency.example";
        /** Stable dataset identifier; the release id is appended per distribution. */
        private String identifier = "glasshouse-transparency";
        private String accessLevel = "public";
        private java.util.List<String> bureauCode = new java.util.ArrayList<>(java.util.List.of("000:00"));
        private java.util.List<String> programCode = new java.util.ArrayList<>(java.util.List.of("000:000"));
        private String license = "https://creativecommons.org/licenses/by/4.0/";
        /** Public address of the site's entry point; downloadURLs are built from it. */
        private String baseUrl = "https://transparency.agency.example/";

        public String getTitle() { return title; }
        public void setTitle(String v) { this.title = v; }
        public String getDescription() { return description; }
        public void setDescription(String v) { this.description = v; }
        public java.util.List<String> getKeywords() { return keywords; }
        public void setKeywords(java.util.List<String> v) { this.keywords = v; }
        public String getPublisher() { return publisher; }
        public void setPublisher(String v) { this.publisher = v; }
        public String getContactName() { return contactName; }
        public void setContactName(String v) { this.contactName = v; }
        public String getContactEmail() { return contactEmail; }
        public void setContactEmail(String v) { this.contactEmail = v; }
        public String getIdentifier() { return identifier; }
        public void setIdentifier(String v) { this.identifier = v; }
        public String getAccessLevel() { return accessLevel; }
        public void setAccessLevel(String v) { this.accessLevel = v; }
        public java.util.List<String> getBureauCode() { return bureauCode; }
        public void setBureauCode(java.util.List<String> v) { this.bureauCode = v; }
        public java.util.List<String> getProgramCode() { return programCode; }
        public void setProgramCode(java.util.List<String> v) { this.programCode = v; }
        public String getLicense() { return license; }
        public void setLicense(String v) { this.license = v; }
        public String getBaseUrl() { return baseUrl; }
        public void setBaseUrl(String v) { this.baseUrl = v; }
    }

    /** Where a release goes besides the local folder. */
    public static class Publish {
        /** CKAN portal base URL (e.g. https://data.example.org); empty = do not push. */
        private String ckanUrl = "";
        /** CKAN dataset (package) name or id the release's files are attached to. */
        private String ckanDataset = "";
        /** Name of the environment variable holding the CKAN API token (never the token itself). */
        private String ckanTokenEnv = "GLASSHOUSE_CKAN_TOKEN";

        public String getCkanUrl() { return ckanUrl; }
        public void setCkanUrl(String v) { this.ckanUrl = v; }
        public String getCkanDataset() { return ckanDataset; }
        public void setCkanDataset(String v) { this.ckanDataset = v; }
        public String getCkanTokenEnv() { return ckanTokenEnv; }
        public void setCkanTokenEnv(String v) { this.ckanTokenEnv = v; }
    }

    public static class Validation {
        /** Days a dated row may fall outside its agreement's dates before it breaks XAG-003/XAG-004. */
        private int graceDays = 0;
        /** Datasets validated side by side (their query planning overlaps with other datasets' execution). */
        private int parallelDatasets = 4;
        /** Older name of glasshouse.limits.file-bytes; still read by the validate command. 0 = the default. */
        private long maxFileBytes = 0;

        public int getGraceDays() { return graceDays; }
        public void setGraceDays(int v) { this.graceDays = v; }
        public int getParallelDatasets() { return parallelDatasets; }
        public void setParallelDatasets(int v) { this.parallelDatasets = v; }
        public long getMaxFileBytes() { return maxFileBytes; }
        public void setMaxFileBytes(long v) { this.maxFileBytes = v; }
    }

    public static class Rules {
        /** Rule id to severity (error or warning), overriding the contract's default. */
        private Map<String, String> severity = new LinkedHashMap<>();

        public Map<String, String> getSeverity() { return severity; }
        public void setSeverity(Map<String, String> v) { this.severity = v; }
    }

    /** Limits the integrity flags are judged against; each is published in the methodology and on each flag. */
    public static class Thresholds {
        private static final org.glasshouse.metrics.Thresholds D = org.glasshouse.metrics.Thresholds.DEFAULTS;
        private int lateDays = D.lateDays();
        private int missingMonths = D.missingMonths();
        private double minAcceptanceRate = D.minAcceptanceRate();
        private double maxErrorsPer1000 = D.maxErrorsPer1000();
        private int expenditureGraceDays = D.expenditureGraceDays();
        private double disbursedOverCommitted = D.disbursedOverCommitted();
        private double spentOverDisbursed = D.spentOverDisbursed();
        private long benfordMinimumN = D.benfordMinimumN();
        private double benfordMaxMad = D.benfordMaxMad();
        private double outlierK = D.outlierK();
        private int outlierMinimumN = D.outlierMinimumN();
        private double onTrackMargin = D.onTrackMargin();
        private double atRiskMargin = D.atRiskMargin();

        public org.glasshouse.metrics.Thresholds toThresholds() {
            return new org.glasshouse.metrics.Thresholds(lateDays, missingMonths, minAcceptanceRate,
                    maxErrorsPer1000, expenditureGraceDays, disbursedOverCommitted, spentOverDisbursed,
                    benfordMinimumN, benfordMaxMad, outlierK, outlierMinimumN, onTrackMargin, atRiskMargin);
        }

        public int getLateDays() { return lateDays; }
        public void setLateDays(int v) { this.lateDays = v; }
        public int getMissingMonths() { return missingMonths; }
        public void setMissingMonths(int v) { this.missingMonths = v; }
        public double getMinAcceptanceRate() { return minAcceptanceRate; }
        public void setMinAcceptanceRate(double v) { this.minAcceptanceRate = v; }
        public double getMaxErrorsPer1000() { return maxErrorsPer1000; }
        public void setMaxErrorsPer1000(double v) { this.maxErrorsPer1000 = v; }
        public int getExpenditureGraceDays() { return expenditureGraceDays; }
        public void setExpenditureGraceDays(int v) { this.expenditureGraceDays = v; }
        public double getDisbursedOverCommitted() { return disbursedOverCommitted; }
        public void setDisbursedOverCommitted(double v) { this.disbursedOverCommitted = v; }
        public double getSpentOverDisbursed() { return spentOverDisbursed; }
        public void setSpentOverDisbursed(double v) { this.spentOverDisbursed = v; }
        public long getBenfordMinimumN() { return benfordMinimumN; }
        public void setBenfordMinimumN(long v) { this.benfordMinimumN = v; }
        public double getBenfordMaxMad() { return benfordMaxMad; }
        public void setBenfordMaxMad(double v) { this.benfordMaxMad = v; }
        public double getOutlierK() { return outlierK; }
        public void setOutlierK(double v) { this.outlierK = v; }
        public int getOutlierMinimumN() { return outlierMinimumN; }
        public void setOutlierMinimumN(int v) { this.outlierMinimumN = v; }
        public double getOnTrackMargin() { return onTrackMargin; }
        public void setOnTrackMargin(double v) { this.onTrackMargin = v; }
        public double getAtRiskMargin() { return atRiskMargin; }
        public void setAtRiskMargin(double v) { this.atRiskMargin = v; }
    }

    public static class Spark {
        private String master = "local[*]";
        private String appName = "glasshouse";
        private int shufflePartitions = 8;
        /** Runs whose active input is smaller than this are tuned as small (see SmallInputTuning); 0 = never. */
        private long smallInputBytes = 64L * 1024 * 1024;
        /** Any further spark.* settings, passed through unchanged. */
        private Map<String, String> conf = new LinkedHashMap<>();

        public String getMaster() { return master; }
        public void setMaster(String v) { this.master = v; }
        public String getAppName() { return appName; }
        public void setAppName(String v) { this.appName = v; }
        public int getShufflePartitions() { return shufflePartitions; }
        public void setShufflePartitions(int v) { this.shufflePartitions = v; }
        public long getSmallInputBytes() { return smallInputBytes; }
        public void setSmallInputBytes(long v) { this.smallInputBytes = v; }
        public Map<String, String> getConf() { return conf; }
        public void setConf(Map<String, String> v) { this.conf = v; }
    }

    public static class Pseudonymisation {
        /** HMAC key for beneficiary refs; comes from the environment (GLASSHOUSE_HMAC_SECRET). */
        private String secret = "";

        public String getSecret() { return secret; }
        public void setSecret(String v) { this.secret = v; }
    }

    public static class Report {
        private String title = "Glasshouse transparency report";
        private String publisher = "The Agency";
        /** Smallest count of people that may be published (SPEC section 5). */
        private int minimumCellSize = 10;

        public String getTitle() { return title; }
        public void setTitle(String v) { this.title = v; }
        public String getPublisher() { return publisher; }
        public void setPublisher(String v) { this.publisher = v; }
        public int getMinimumCellSize() { return minimumCellSize; }
        public void setMinimumCellSize(int v) { this.minimumCellSize = v; }
    }
}
