package id.pantau.registry.mrz;

/**
 * The text is not a machine-readable zone at all (wrong number or length of lines, characters an MRZ never has).
 * Its message is Indonesian and meant for the person who pasted the text. A zone that has the right shape but a
 * failing check digit is not refused: {@link MrzResult#valid()} reports it.
 */
public class NotAnMrzException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	public NotAnMrzException(String message) {
		super(message);
	}
}
