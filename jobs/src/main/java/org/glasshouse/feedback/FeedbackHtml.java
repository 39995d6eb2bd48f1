package org.glasshouse.feedback;

import java.nio.charset.StandardCharsets;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Renders {@link FeedbackReport} with the Thymeleaf template templates/feedback/feedback.html (escaped by th:text). */
final class FeedbackHtml {

    private static final TemplateEngine ENGINE = engine();

    private FeedbackHtml() {}

    static String render(FeedbackReport report) {
        Context ctx = new Context();
        ctx.setVariable("r", report);
        return ENGINE.process("feedback", ctx);
    }

    private static TemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(FeedbackHtml.class.getClassLoader());
        resolver.setPrefix("templates/feedback/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
