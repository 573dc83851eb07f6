package com.referraldesk.referral;

import com.referraldesk.partner.Contact;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.util.StringUtils;

/**
 * Forms offer a few fixed contact slots (prefix1Name, prefix1Phone, prefix1Email, …) rather than a dynamic
 * list: Tasklist 7.24 keeps a form with an edited dynamic list invalid, so its Complete button never enables.
 */
final class ContactSlots {

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
    return slots(scope, prefix).stream().filter(Objects::nonNull)
        .map(slot -> new Contact(slot.name(), slot.phone(), slot.email())).toList();
  }

  /** Every slot in order: what it holds, or null when it holds nothing. */
  static List<ContactSlot> slots(VariableScope scope, String prefix) {
    List<ContactSlot> slots = new ArrayList<>();
    for (int slot = 1; slot <= SLOTS; slot++) {
      ContactSlot contact = new ContactSlot(text(scope, name(prefix, slot)), text(scope, phone(prefix, slot)),
          text(scope, email(prefix, slot)));
      slots.add(contact.name() == null && contact.phone() == null && contact.email() == null ? null : contact);
    }
    return slots;
  }

  /** Empties the slots, so a form opened again offers them empty. */
  public static void clear(VariableScope scope, String prefix) {
    fields(prefix).forEach(scope::removeVariable);
  }

  /** The form field of a slot's property: contact2Name is the name in slot 2 of prefix contact. */
  static String field(String prefix, int slot, String property) {
    return prefix + slot + StringUtils.capitalize(property);
  }

  private static String name(String prefix, int slot) {
    return field(prefix, slot, "name");
  }

  private static String phone(String prefix, int slot) {
    return field(prefix, slot, "phone");
  }

  private static String email(String prefix, int slot) {
    return field(prefix, slot, "email");
  }

  private static String text(VariableScope scope, String variable) {
    Object value = scope.getVariable(variable);
    return value == null || value.toString().isBlank() ? null : value.toString().strip();
  }
}
