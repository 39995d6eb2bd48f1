package org.glasshouse.report.sdc;

/** Where a figure is printed: a cell of a public table (row index in the table as published, column name). */
public record Position(String table, int row, String column) {}
