package id.pantau.detection;

import java.util.List;

/** A rule setting an administrator entered was refused; the message key and arguments say why (in Indonesian). */
public class InvalidRuleSetting extends RuntimeException {

	private final String messageKey;
	private final List<String> arguments;

	public InvalidRuleSetting(String messageKey, String... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = List.of(arguments);
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.toArray();
	}
}
