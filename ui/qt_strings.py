"""Qt's own strings that Qt's Chinese catalogue (qtbase_zh_CN) lacks in this Qt version, so the file dialogs are
wholly Chinese. Listed here in Qt's own contexts, lupdate collects them into the desk's .ts, and the desk's
translator (installed with Qt's) answers them. Nothing imports this module: it exists for lupdate."""
from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_STRINGS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "File"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Drive"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Computer"),
    QT_TRANSLATE_NOOP("QFileSystemModel", "%1 File"),
)
