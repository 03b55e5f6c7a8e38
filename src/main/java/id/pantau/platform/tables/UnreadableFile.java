package id.pantau.platform.tables;

/** A file that cannot be read as a table at all; the message key tells the user why. */
public class UnreadableFile extends RuntimeException {

	private final String messageKey;
	private final String argument;

	public UnreadableFile(String messageKey, String argument) {
		super(messageKey + (argument == null ? "" : ": " + argument));
		this.messageKey = messageKey;
		this.argument = argument;
	}

	public String messageKey() {
		return messageKey;
	}

	public String argument() {
		return argument;
	}
}
