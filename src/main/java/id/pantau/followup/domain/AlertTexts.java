package id.pantau.followup.domain;

import java.util.List;
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
		List<String> shown = alert.summaryArgs().stream().map(arg -> argument(arg, locale)).toList();
		Object[] args = shown.toArray();
		String fallback = name(alert.rule(), locale) + (shown.isEmpty() ? "" : ": " + String.join(", ", shown));
		return messages.getMessage("alert.rule." + alert.rule() + ".summary", args, fallback, locale);
	}

	/**
	 * What changed in the alert's facts, in the reader's language; notes written before they were kept as messages
	 * are shown as written.
	 */
	public String factsNote(Alert alert) {
		return factsNote(alert, LocaleContextHolder.getLocale());
	}

	public String factsNote(Alert alert, Locale locale) {
		if (alert.factsNoteKey() == null) {
			return alert.factsNote();
		}
		Object[] args = alert.factsNoteArgs().stream().map(AlertTexts::day).toArray();
		return messages.getMessage(alert.factsNoteKey(), args.length == 0 ? null : args, alert.factsNoteKey(), locale);
	}

	/** The note the alert was closed with: the officer's words, or what changed when the facts closed it. */
	public String closeNote(Alert alert) {
		return alert.closeNote() != null ? alert.closeNote()
				: "RESOLVED_BY_FACTS".equals(alert.outcome()) ? factsNote(alert) : null;
	}

	/**
	 * A summary argument as the reader sees it: one written as {@code msg:key|arg|...} is a message in the reader's
	 * language, an ISO day is shown as dd-mm-yyyy.
	 */
	String argument(String argument, Locale locale) {
		if (argument == null || !argument.startsWith("msg:")) {
			return day(argument);
		}
		String[] parts = argument.substring("msg:".length()).split("\\|", -1);
		Object[] args = java.util.Arrays.stream(parts, 1, parts.length).map(AlertTexts::day).toArray();
		return messages.getMessage(parts[0], args.length == 0 ? null : args, parts[0], locale);
	}

	/** An ISO day among a message's arguments, as the interface shows days (dd-mm-yyyy); anything else as it is. */
	static String day(String argument) {
		if (argument != null && argument.matches("\\d{4}-\\d{2}-\\d{2}")) {
			return argument.substring(8, 10) + "-" + argument.substring(5, 7) + "-" + argument.substring(0, 4);
		}
		return argument;
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
