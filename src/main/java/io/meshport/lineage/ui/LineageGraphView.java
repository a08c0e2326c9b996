package io.meshport.lineage.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

@Tag("meshport-lineage-graph")
@NpmPackage(value = "cytoscape", version = "3.34.4")
@JsModule("./lineage/lineage-graph.ts")
class LineageGraphView extends Component {}
