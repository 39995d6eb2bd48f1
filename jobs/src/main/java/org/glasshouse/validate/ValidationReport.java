package org.glasshouse.validate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.glasshouse.validate.read.FileFinding;

/** What the validate step found across all files of a run: per-file accounting and file-level findings. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ValidationReport(
        @JsonProperty("files") List<FileAccount> files,
        @JsonProperty("file_findings") List<FileFinding> fileFindings) {

    @JsonIgnore
    public long read() { return files.stream().mapToLong(FileAccount::read).sum(); }
    @JsonIgnore
    public long accepted() { return files.stream().mapToLong(FileAccount::accepted).sum(); }
    @JsonIgnore
    public long quarantined() { return files.stream().mapToLong(FileAccount::quarantined).sum(); }
}
