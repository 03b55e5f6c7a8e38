package id.pantau.followup.domain;

import java.util.Arrays;
import java.util.List;

/**
 * An entry of an alert's history. People record the follow-up kinds; the workflow kinds are written by the steps
 * themselves (assigning, acknowledging, closing, dismissing, a meeting's decision) so the history tells everything.
 */
public enum ActionKind {

	FIELD_CHECK, SUMMONS,
	/** Immigration administrative action (TAK), UU 6/2011 Pasal 75. */
	DEPORTATION, DETENTION, ENTRY_BAN, OVERSTAY_CHARGE,
	REGULARISATION,
	/** For a victim of trafficking or a stateless person. */
	HUMANITARIAN_REFERRAL,
	OTHER,
	ASSIGNED, ACKNOWLEDGED, CLOSED, DISMISSED, MEETING_DECISION;

	/** What a person may record as a follow-up action (the rest are written by the workflow). */
	public static List<ActionKind> recordable() {
		return Arrays.stream(values()).filter(ActionKind::isRecordable).toList();
	}

	public boolean isRecordable() {
		return ordinal() <= OTHER.ordinal();
	}

	/** Immigration's own powers: administrative action and regularisation of a stay. */
	public boolean isImmigrationAction() {
		return this == DEPORTATION || this == DETENTION || this == ENTRY_BAN || this == OVERSTAY_CHARGE
				|| this == REGULARISATION;
	}
}
