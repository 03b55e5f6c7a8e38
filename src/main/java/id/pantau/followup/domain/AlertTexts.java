package id.pantau.followup.domain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import id.pantau.platform.DisplayTime;
import id.pantau.reference.ReferenceLabels;

/**
 * The plain-language texts of an alert from the rule's messages ({@code alert.rule.<CODE>.name}, {@code .summary}
 * with the alert's arguments, {@code .explanation}), written by the detection module. Where a rule has no texts (yet)
 * the alert still reads: the rule's code and its arguments, and the general explanation. Arguments are stored as the
 * rules wrote them (days in ISO, permit types as codes); they are shown as a person reads them: days dd-mm-yyyy and a
 * permit type by its name in the reader's language.
 */
@Component("alertTexts")
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class AlertTexts {

	public static final Locale INDONESIAN = Locale.forLanguageTag("id");

	private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
	private static final Pattern ISO_MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
	private static final String COUNTRY = "country:";
	private static final String PORT = "port:";
	private static final Pattern ISO_DAY_IN_TEXT = Pattern.compile("(?<![\\w-])\\d{4}-\\d{2}-\\d{2}(?![\\w-])");

	private final MessageSource messages;
	private final ReferenceLabels labels;

	public String name(String rule) {
		return name(rule, LocaleContextHolder.getLocale());
	}

	public String name(String rule, Locale locale) {
		return messages.getMessage("alert.rule." + rule + ".name", null, rule, locale);
	}

	public String summary(Alert alert) {
		return summary(alert, LocaleContextHolder.getLocale());
	}

	/** The summary's arguments as the reader sees them (for an API client that composes its own sentence). */
	public List<String> arguments(Alert alert) {
		Locale locale = LocaleContextHolder.getLocale();
		return alert.summaryArgs().stream().map(arg -> argument(arg, locale)).toList();
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
		Object[] args = alert.factsNoteArgs().stream().map(arg -> shown(arg, locale)).toArray();
		return messages.getMessage(alert.factsNoteKey(), args.length == 0 ? null : args, alert.factsNoteKey(), locale);
	}

	/** The note the alert was closed with: the officer's words, or what changed when the facts closed it. */
	public String closeNote(Alert alert) {
		return alert.closeNote() != null ? alert.closeNote()
				: "RESOLVED_BY_FACTS".equals(alert.outcome()) ? factsNote(alert) : null;
	}

	/**
	 * A summary argument as the reader sees it: one written as {@code msg:key|arg|...} is a message in the reader's
	 * language; any other (and each of the message's own arguments) as {@link #shown}.
	 */
	String argument(String argument, Locale locale) {
		if (argument == null || !argument.startsWith("msg:")) {
			return shown(argument, locale);
		}
		String[] parts = argument.substring("msg:".length()).split("\\|", -1);
		Object[] args = java.util.Arrays.stream(parts, 1, parts.length).map(arg -> shown(arg, locale)).toArray();
		return messages.getMessage(parts[0], args.length == 0 ? null : args, parts[0], locale);
	}

	/**
	 * An evidence's label as a person reads it: written by a rule as Indonesian text ("BEBAS_VISA berlaku s.d.
	 * 2026-11-15"), shown with its days dd-mm-yyyy and a leading permit-type code as the permit's name.
	 */
	public String evidence(String label) {
		if (label == null) {
			return null;
		}
		Locale locale = LocaleContextHolder.getLocale();
		if (label.startsWith("msg:")) {
			return argument(label, locale);
		}
		return shown(ISO_DAY_IN_TEXT.matcher(label).replaceAll(day -> shown(day.group(), null)), locale);
	}

	/**
	 * A stored argument as a person reads it: {@code country:MMR,THA} and {@code port:CODE} by their names, an ISO
	 * month as "November 2026", an ISO day as dd-mm-yyyy, a leading permit-type code as its name.
	 */
	String shown(String arg, Locale locale) {
		if (arg == null) {
			return null;
		}
		if (arg.startsWith(COUNTRY)) {
			return String.join(", ", java.util.Arrays.stream(arg.substring(COUNTRY.length()).split(","))
					.filter(code -> !code.isBlank()).map(code -> labels.country(code.strip(), locale)).toList());
		}
		if (arg.startsWith(PORT)) {
			return labels.port(arg.substring(PORT.length()));
		}
		if (ISO_MONTH.matcher(arg).matches()) {
			return java.time.YearMonth.parse(arg).format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy",
					locale == null ? INDONESIAN : locale));
		}
		if (ISO_DAY.matcher(arg).matches()) {
			try {
				return DisplayTime.DAY.format(LocalDate.parse(arg));
			}
			catch (DateTimeParseException notADay) {
				return arg;
			}
		}
		int space = arg.indexOf(' ');
		String first = space < 0 ? arg : arg.substring(0, space);
		String permit = first.isEmpty() ? null : labels.permitType(first, locale);
		return permit == null || permit.equals(first) ? arg : permit + (space < 0 ? "" : arg.substring(space));
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
