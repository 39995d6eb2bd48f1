package org.glasshouse.release.standards;

import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Identifiers of the 360Giving and IATI files of each release (glasshouse.standards.*; defaults, which are
 * placeholders an agency must replace, in config/application.yml). The agency's name is glasshouse.release.publisher.
 *
 * @param organisationId   the agency's organisation identifier (org-id.guide, e.g. GB-GOR-PB123): the 360Giving
 *                         funding organisation and the IATI reporting organisation; IATI activity identifiers are
 *                         this + "-" + the programme or agreement id
 * @param organisationType the agency's IATI OrganisationType code (10 = government)
 * @param partnerIdPrefix  a partner's organisation identifier is this + partner_id
 * @param grantIdPrefix    a 360Giving grant identifier is this + agreement_id (the prefix 360Giving registered for
 *                         the agency, with its separator)
 */
@ConfigurationProperties(prefix = "glasshouse.standards")
public record StandardsSettings(String organisationId, String organisationType, String partnerIdPrefix,
                                String grantIdPrefix) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/:-]*");

    public StandardsSettings {
        require("organisation-id", organisationId);
        require("partner-id-prefix", partnerIdPrefix);
        require("grant-id-prefix", grantIdPrefix);
        if (organisationType == null || !organisationType.matches("\\d{2}")) {
            throw new IllegalArgumentException("glasshouse.standards.organisation-type must be a two-digit IATI "
                    + "OrganisationType code, was: " + organisationType);
        }
    }

    private static void require(String key, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException("glasshouse.standards." + key + " must be an identifier (letters, "
                    + "digits, . _ / : -, no spaces), was: " + value);
        }
    }
}
