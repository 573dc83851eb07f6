package com.referraldesk.referral;

import com.referraldesk.partner.Contact;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Forms offer a few fixed contact slots (prefix1Name, prefix1Phone, prefix1Email, …) rather than a dynamic
 * list: Tasklist 7.24 keeps a form with an edited dynamic list invalid, so its Complete button never enables.
 */
public final class ContactSlots {

  public static final int SLOTS = 3;

  private ContactSlots() {
  }

  public static Set<String> fields(String prefix) {
    Set<String> fields = new LinkedHashSet<>();
    for (int slot = 1; slot <= SLOTS; slot++) {
      fields.add(name(prefix, slot));
      fields.add(phone(prefix, slot));
      fields.add(email(prefix, slot));
    }
    return fields;
  }

  /** The contacts in the slots that hold anything, in slot order. */
  public static List<Contact> read(VariableScope scope, String prefix) {
    List<Contact> contacts = new ArrayList<>();
    for (int slot = 1; slot <= SLOTS; slot++) {
      Contact contact = new Contact(text(scope, name(prefix, slot)), text(scope, phone(prefix, slot)),
          text(scope, email(prefix, slot)));
      if (contact.name() != null || contact.phone() != null || contact.email() != null) {
        contacts.add(contact);
      }
    }
    return contacts;
  }

  /** Empties the slots, so a form opened again offers them empty. */
  public static void clear(VariableScope scope, String prefix) {
    fields(prefix).forEach(scope::removeVariable);
  }

  static String name(String prefix, int slot) {
    return prefix + slot + "Name";
  }

  static String phone(String prefix, int slot) {
    return prefix + slot + "Phone";
  }

  static String email(String prefix, int slot) {
    return prefix + slot + "Email";
  }

  private static String text(VariableScope scope, String variable) {
    Object value = scope.getVariable(variable);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
