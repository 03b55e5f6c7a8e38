package id.pantau.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Turns the problems of {@link InvalidInput} into messages per form field, in the user's language. */
@Component
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class ProblemMessages {

	private final MessageSource messages;

	/** Field name to message; the first problem of a field wins. */
	public Map<String, String> of(InvalidInput invalid) {
		Map<String, String> byField = new LinkedHashMap<>();
		invalid.problems().forEach(p -> byField.putIfAbsent(p.field(),
				messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), LocaleContextHolder.getLocale())));
		return byField;
	}

	public String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}
}
