-- Built once after the bulk load (cheaper than maintaining them during it). IF NOT EXISTS: --append.
CREATE INDEX IF NOT EXISTS sources_input ON sources(input_id)
;
CREATE INDEX IF NOT EXISTS classes_descriptor ON classes(descriptor)
;
CREATE INDEX IF NOT EXISTS classes_superclass ON classes(superclass)
;
CREATE INDEX IF NOT EXISTS classes_source ON classes(source_id)
;
CREATE INDEX IF NOT EXISTS interfaces_descriptor ON interfaces(descriptor)
;
CREATE INDEX IF NOT EXISTS fields_class ON fields(class_id)
;
CREATE INDEX IF NOT EXISTS fields_name ON fields(name)
;
CREATE INDEX IF NOT EXISTS methods_class ON methods(class_id)
;
CREATE INDEX IF NOT EXISTS methods_name ON methods(name)
;
CREATE INDEX IF NOT EXISTS methods_sig ON methods(sig_id)
;
CREATE INDEX IF NOT EXISTS fields_sig ON fields(sig_id)
;
CREATE INDEX IF NOT EXISTS calls_method ON calls(method_id)
;
CREATE INDEX IF NOT EXISTS calls_target ON calls(target_id, method_id)
;
CREATE INDEX IF NOT EXISTS method_ids_class ON method_ids(class, name)
;
CREATE INDEX IF NOT EXISTS method_ids_name ON method_ids(name)
;
CREATE INDEX IF NOT EXISTS strings_method ON strings(method_id)
;
-- Exact and prefix searches over string values (xref --string, the web UI's search as you type).
CREATE INDEX IF NOT EXISTS strings_value ON strings(value)
;
CREATE INDEX IF NOT EXISTS field_refs_method ON field_refs(method_id)
;
CREATE INDEX IF NOT EXISTS field_refs_target ON field_refs(target_id)
;
CREATE INDEX IF NOT EXISTS field_ids_class ON field_ids(class, name)
;
CREATE INDEX IF NOT EXISTS field_ids_name ON field_ids(name)
;
CREATE INDEX IF NOT EXISTS type_refs_method ON type_refs(method_id)
;
CREATE INDEX IF NOT EXISTS type_refs_type ON type_refs(type)
;
CREATE INDEX IF NOT EXISTS problems_input ON problems(input_id)
;
CREATE INDEX IF NOT EXISTS permissions_input ON permissions(input_id)
;
CREATE INDEX IF NOT EXISTS components_input ON components(input_id)
;
CREATE INDEX IF NOT EXISTS components_class ON components(class)
;
CREATE INDEX IF NOT EXISTS intent_filters_component ON intent_filters(component_id)
;
