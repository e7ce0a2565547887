"""The phases of the pipeline, in order.

normalize -> blocks -> roles -> repair -> assemble. Each module takes and returns plain
values; `newspage.parser` runs them.
"""
