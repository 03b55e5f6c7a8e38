package id.pantau.registry;

/** What brings a foreigner to the area; EX_CREW is a former crew member of a foreign fishing vessel left ashore (eks ABK). */
public enum Category {

	TOURIST, WORKER, CREW, EX_CREW, STUDENT, RESEARCHER, FAMILY_OF_CITIZEN, REFUGEE_STATELESS, OTHER
}
