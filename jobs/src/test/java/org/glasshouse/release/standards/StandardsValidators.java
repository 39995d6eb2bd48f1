package org.glasshouse.release.standards;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The real validators of the two standards, on the schema copies in src/test/resources/standards (with their
 * licences): 360Giving's JSON Schema (draft 2020-12, formats asserted as the standard's oneOf date rules need) and
 * IATI's XSD through javax.xml.validation. Nothing is fetched from the network.
 */
public final class StandardsValidators {

    static final String GRANT_SCHEMA_143 =
            "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.3/schema/360-giving-schema.json";
    /** The 1.4.3 package schema still refers to the grant schema under its 1.4.2 address; both mean the same file. */
    static final String GRANT_SCHEMA_142 =
            "https://raw.githubusercontent.com/ThreeSixtyGiving/standard/1.4.2/schema/360-giving-schema.json";

    private static Schema package360;

    private StandardsValidators() {}

    /** Every 360Giving schema error of a grant package, as "location: message" (empty when valid). */
    public static synchronized List<String> validate360(JsonNode pkg) {
        if (package360 == null) {
            String grant = resource("standards/360giving-1.4.3/360-giving-schema.json");
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    b -> b.schemas(Map.of(GRANT_SCHEMA_143, grant, GRANT_SCHEMA_142, grant))
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
            package360 = registry.getSchema(SchemaLocation.of(ThreeSixtyGiving.SCHEMA),
                    resource("standards/360giving-1.4.3/360-giving-package-schema.json"),
                    com.networknt.schema.InputFormat.JSON);
        }
        List<String> out = new ArrayList<>();
        for (Error e : package360.validate(pkg)) out.add(e.getInstanceLocation() + ": " + e.getMessage());
        return out;
    }

    /** Every IATI 2.03 schema error of an activities file, as "line:column: message" (empty when valid). */
    public static List<String> validateIati(Path xml) throws Exception {
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
        URL xsd = StandardsValidators.class.getClassLoader().getResource("standards/iati-2.03/iati-activities-schema.xsd");
        Validator v = f.newSchema(xsd).newValidator();
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        List<String> errors = new ArrayList<>();
        v.setErrorHandler(new ErrorHandler() {
            @Override public void warning(SAXParseException e) { }
            @Override public void error(SAXParseException e) { errors.add(at(e)); }
            @Override public void fatalError(SAXParseException e) { errors.add(at(e)); }
        });
        v.validate(new StreamSource(xml.toFile()));
        return errors;
    }

    private static String at(SAXParseException e) {
        return e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage();
    }

    static String resource(String name) {
        try (InputStream in = StandardsValidators.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
