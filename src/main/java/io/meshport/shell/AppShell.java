package io.meshport.shell;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.theme.lumo.Lumo;

/** Page-wide settings: the Lumo theme plus Meshport's few own styles. */
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles/meshport.css")
class AppShell implements AppShellConfigurator {}
