package io.meshport.shell;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import io.meshport.notification.NotificationService;
import io.meshport.notification.NotificationView;
import java.util.List;

/**
 * The header's bell: the unread count (read when the page loads; no live push) and, on a click, a
 * dialog listing the caller's teams' notifications. A dialog rather than a popover because the
 * committed frontend bundle is what the portal runs with.
 */
class NotificationBell extends Div {

    private static final int SHOWN = 50;

    private final NotificationService notifications;
    private final Button bell = new Button(VaadinIcon.BELL.create());
    private final Span count = new Span();

    NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        count.setId("notification-count");
        count.getElement().getThemeList().add("badge pill small primary");
        bell.setSuffixComponent(count);
        bell.addClickListener(click -> open());
        add(bell);
        refresh();
    }

    private void refresh() {
        long unread = notifications.unreadCount();
        count.setText(Long.toString(unread));
        count.setVisible(unread > 0);
        bell.setAriaLabel("Notifications, " + unread + " unread");
    }

    private void open() {
        Dialog dialog = new Dialog();
        dialog.setId("notification-list");
        dialog.setHeaderTitle("Notifications");
        List<NotificationView> mine = notifications.mine(SHOWN);
        if (mine.isEmpty()) {
            dialog.add(new Paragraph("No notifications for your teams."));
        } else {
            UnorderedList list = new UnorderedList();
            list.getStyle().set("padding-inline-start", "0").set("list-style", "none");
            mine.forEach(notification -> list.add(item(notification, dialog)));
            dialog.add(list);
        }
        Button markAll = new Button("Mark all as read", click -> {
            notifications.markAllRead();
            refresh();
            dialog.close();
        });
        markAll.setEnabled(mine.stream().anyMatch(notification -> !notification.read()));
        Button close = new Button("Close", click -> dialog.close());
        dialog.getFooter().add(markAll, close);
        dialog.open();
    }

    private ListItem item(NotificationView notification, Dialog dialog) {
        ListItem item = new ListItem();
        item.addClassName("notification");
        item.getStyle().set("margin-block-end", "var(--lumo-space-s)");
        if (!notification.read()) {
            // Said in words, not only by weight, for screen readers and colour-blind eyes alike.
            Span unread = new Span("Unread");
            unread.getElement().getThemeList().add("badge small");
            unread.addClassName("notification-unread");
            item.add(unread, new Span(" "));
            item.getStyle().set("font-weight", "600");
        }
        // The router follows the link; the click, sent to the server before the navigation, marks it read.
        Anchor link = new Anchor(notification.link(), notification.message());
        link.addClassName("notification-link");
        link.getElement().addEventListener("click", event -> {
            notifications.markRead(notification.id());
            refresh();
            dialog.close();
        });
        item.add(link);
        return item;
    }
}
