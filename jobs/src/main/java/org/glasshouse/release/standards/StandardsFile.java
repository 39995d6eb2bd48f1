package org.glasshouse.release.standards;

/**
 * A file of a release in a sector standard, as the catalogues (datapackage.json, data.json) describe it.
 *
 * @param path       relative to the release folder
 * @param conformsTo the schema or standard the file is valid against
 */
public record StandardsFile(String path, String title, String format, String mediaType, String conformsTo) {
}
