package org.glasshouse.validate.read;

import java.io.Serializable;
import java.util.List;

/**
 * Everything an executor needs to turn one landed file into text rows: where it is, how it is encoded, and which
 * column feeds which contract field. Built on the driver from the file's header; shipped to executors.
 *
 * @param fieldColumns for each contract field in contract order, the column index in the file, or -1 when absent
 * @param fieldNames   contract field names (JSON Lines rows are matched by name)
 * @param flexColumns  indexes of the file's flex_* columns, echoed back to partners
 * @param fileRule     a file-level error rule that quarantines every row (e.g. missing required columns), or null
 * @param personal     for each contract field, whether it is hashed before it leaves the executor
 */
public record ParseTask(
        String fileId,
        String partnerId,
        String path,
        String format,
        String charset,
        char delimiter,
        int headerWidth,
        List<String> fieldNames,
        int[] fieldColumns,
        List<String> flexNames,
        int[] flexColumns,
        boolean[] personal,
        String fileRule,
        String fileRuleMessage) implements Serializable {}
