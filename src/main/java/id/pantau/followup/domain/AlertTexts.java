package id.pantau.followup.domain;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The plain-language texts of an alert from the rule's messages ({@code alert.rule.<CODE>.name}, {@code .summary}
 * with the alert's arguments, {@code .explanation}), written by the detection module. Where a rule has no texts (yet)
 * the alert still reads: the rule's code and its arguments, and the general explanation.
 */
@Component("alertTexts")
public class AlertTexts {

	public static final Locale INDONESIAN = Locale.forLanguageTag("id");

	private final MessageSource messages;

	AlertTexts(MessageSource messages) {
		this.messages = messages;
	}

	public String name(String rule) {
		return name(rule, LocaleContextHolder.getLocale());
	}

	public String name(String rule, Locale locale) {
		return messages.getMessage("alert.rule." + rule + ".name", null, rule, locale);
	}

	public String summary(Alert alert) {
		return summary(alert, LocaleContextHolder.getLocale());
	}

	public String summary(Alert alert, Locale locale) {
		Object[] args = alert.summaryArgs().toArray();
		String fallback = name(alert.rule(), locale)
				+ (alert.summaryArgs().isEmpty() ? "" : ": " + String.join(", ", alert.summaryArgs()));
		return messages.getMessage("alert.rule." + alert.rule() + ".summary", args, fallback, locale);
	}

	public String explanation(String rule) {
		return messages.getMessage("alert.rule." + rule + ".explanation", null,
				messages.getMessage("followup.alert.explanationDefault", null, "", LocaleContextHolder.getLocale()),
				LocaleContextHolder.getLocale());
	}

	public String message(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
