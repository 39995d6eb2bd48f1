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

    public static class Validation {
        /** Days a dated row may fall outside its agreement's dates before it breaks XAG-003/XAG-004. */
        private int graceDays = 0;
        /** Datasets validated side by side (their query planning overlaps with other datasets' execution). */
        private int parallelDatasets = 4;
        /** Largest file accepted, in bytes; a bigger file is reported (FIL-008) and not read. 0 = no limit. */
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

    public static class Spark {
        private String master = "local[*]";
        private String appName = "glasshouse";
        private int shufflePartitions = 8;
        /** Any further spark.* settings, passed through unchanged. */
        private Map<String, String> conf = new LinkedHashMap<>();

        public String getMaster() { return master; }
        public void setMaster(String v) { this.master = v; }
        public String getAppName() { return appName; }
        public void setAppName(String v) { this.appName = v; }
        public int getShufflePartitions() { return shufflePartitions; }
        public void setShufflePartitions(int v) { this.shufflePartitions = v; }
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
