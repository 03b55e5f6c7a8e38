package id.pantau.crossings;

/** Whether a crossing was an arrival in or a departure from Indonesia. */
public enum Direction {
	ENTRY, EXIT
}
