package id.pantau.identity.domain;

/** A request about an account that cannot be carried out; the message key names the reason for the user. */
public class AccountException extends RuntimeException {

	private final String messageKey;
	private final transient Object[] arguments;

	public AccountException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}
}
