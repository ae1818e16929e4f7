"""The library pane: search box, facet filters and the grid of pose cards."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from stretchdesk.core.models import Pose
from stretchdesk.core.vocabulary import Area, Difficulty, Kind, Position, Prop
from stretchdesk.library.catalog import PoseCatalog
from stretchdesk.library.delegate import show_as_cards, vocabulary_label
from stretchdesk.library.detail import PoseDetailDialog
from stretchdesk.library.model import PoseListModel, PoseRole
from stretchdesk.library.proxy import NO_EQUIPMENT, PoseFilter, PoseFilterProxy
from stretchdesk.pose_images import PoseImages


class LibraryView(QListView):
    """Icon-mode card grid; Enter opens the details, Ctrl+Enter adds the pose."""

    activated_for_add = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.activated_for_add.emit()
            return
        super().keyPressEvent(event)


class LibraryPane(QWidget):
    add_requested = Signal(list)
    new_pose_requested = Signal()
    edit_pose_requested = Signal(str)
    delete_pose_requested = Signal(str)
    message_posted = Signal(str)

    def __init__(self, images: PoseImages, catalog: PoseCatalog, parent: QWidget | None = None):
        super().__init__(parent)
        self._images = images
        self._catalog = catalog
        self._can_add = True
        self.model = PoseListModel(catalog.current.values())
        self.proxy = PoseFilterProxy(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText("Search poses, aliases or areas…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search poses")
        self.search.setToolTip("Type words to match names, aliases and target areas; all must match")

        self.area = self._combo("Any area", [(vocabulary_label(a.value), a.value) for a in Area], "Target area")
        self.position = self._combo(
            "Any position", [(vocabulary_label(p.value), p.value) for p in Position], "Position"
        )
        self.prop = self._combo(
            "Any props",
            [("No equipment", NO_EQUIPMENT)] + [(vocabulary_label(p.value), p.value) for p in Prop],
            "Props",
        )
        self.kind = self._combo("Any kind", [(vocabulary_label(k.value), k.value) for k in Kind], "Kind")
        self.difficulty = self._combo(
            "Any level", [(vocabulary_label(d.value), d.value) for d in Difficulty], "Difficulty"
        )

        self.view = LibraryView()
        self.view.setObjectName("libraryView")
        self.view.setAccessibleName("Pose library")
        self.view.setModel(self.proxy)
        show_as_cards(self.view, images)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.empty_state = QWidget()
        self.empty_state.setObjectName("libraryEmpty")
        self.empty_text = QLabel()
        self.empty_text.setObjectName("libraryEmptyText")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        self.clear_filters_button = QPushButton("Clear search and filters")
        self.clear_filters_button.setObjectName("clearFilters")
        empty_layout = QVBoxLayout(self.empty_state)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.clear_filters_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.empty_state.hide()

        self.count = QLabel()
        self.count.setObjectName("libraryCount")
        self.add_button = QPushButton("Add to routine")
        self.add_button.setObjectName("libraryAdd")
        self.add_button.setToolTip("Append the selected poses to the routine (Ctrl+Enter)")
        self.new_pose_button = QPushButton("New pose…")
        self.new_pose_button.setToolTip("Make your own pose with your own picture")

        filters = QGridLayout()
        filters.setHorizontalSpacing(6)
        filters.setVerticalSpacing(4)
        for column, combo in enumerate((self.area, self.position, self.prop)):
            filters.addWidget(combo, 0, column)
        filters.addWidget(self.kind, 1, 0)
        filters.addWidget(self.difficulty, 1, 1)
        filters.addWidget(self.count, 1, 2, Qt.AlignmentFlag.AlignRight)
        title = QLabel("Pose library")
        title.setObjectName("paneTitle")
        bottom = QHBoxLayout()
        bottom.addWidget(self.new_pose_button)
        bottom.addStretch(1)
        bottom.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(title)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty_state, 1)
        layout.addLayout(bottom)
        for button in self.search.findChildren(QToolButton):  # the clear button: not a Tab stop
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        self._connect_signals()
        self._update_count()

    def _combo(self, anything: str, entries: list[tuple[str, str]], name: str) -> QComboBox:
        combo = QComboBox()
        combo.addItem(anything, "")
        for text, value in entries:
            combo.addItem(text, value)
        combo.setAccessibleName(f"{name} filter")
        combo.setToolTip(f"Show only poses with this {name.lower()}")
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(9)
        return combo

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(self._on_filters_changed)
        self.search.installEventFilter(self)
        self.clear_filters_button.clicked.connect(self.clear_filters)
        for combo in (self.area, self.position, self.prop, self.kind, self.difficulty):
            combo.currentIndexChanged.connect(self._on_filters_changed)
        self.view.activated.connect(self._on_view_activated)
        self.view.activated_for_add.connect(self._on_view_activated_for_add)
        self.view.customContextMenuRequested.connect(self._on_view_context_menu)
        self.add_button.clicked.connect(self._on_add_clicked)
        self.new_pose_button.clicked.connect(self.new_pose_requested)
        self._images.images_changed.connect(self.view.viewport().update)
        self._catalog.changed.connect(self._on_catalog_changed)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

    def _on_catalog_changed(self) -> None:
        self.model.set_poses(self._catalog.current.values())

    def set_can_add(self, can_add: bool) -> None:
        self._can_add = can_add
        self.add_button.setEnabled(can_add)

    def current_filter(self) -> PoseFilter:
        return PoseFilter(
            self.search.text(),
            self.area.currentData() or "",
            self.position.currentData() or "",
            self.prop.currentData() or "",
            self.kind.currentData() or "",
            self.difficulty.currentData() or "",
        )

    def selected_pose_ids(self) -> list[str]:
        rows = sorted(self.view.selectionModel().selectedIndexes(), key=lambda i: i.row())
        return [str(index.data(PoseRole.POSE_ID)) for index in rows]

    def show_details(self, index: QModelIndex) -> PoseDetailDialog | None:
        pose = index.data(PoseRole.POSE)
        if not isinstance(pose, Pose):
            return None
        dialog = PoseDetailDialog(pose, self._images, self._can_add, self)
        dialog.add_requested.connect(lambda pose_id: self.add_requested.emit([pose_id]))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down or Enter in the search box moves into the results, on the best match."""
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
                    self.proxy.rowCount() > 0):
                self.focus_results()
                return True
        return super().eventFilter(watched, event)

    def tab_chain(self) -> list[QWidget]:
        """Search, the filters, then the cards: the order Tab visits them."""
        return [self.search, self.area, self.position, self.prop, self.kind, self.difficulty,
                self.view]

    def focus_results(self) -> None:
        first = self.proxy.index(0, 0)
        self.view.setFocus(Qt.FocusReason.TabFocusReason)
        self.view.setCurrentIndex(first)
        self.view.scrollTo(first)

    def clear_filters(self) -> None:
        self.search.clear()
        for combo in (self.area, self.position, self.prop, self.kind, self.difficulty):
            combo.setCurrentIndex(0)
        self.search.setFocus()

    def _on_filters_changed(self) -> None:
        self.proxy.set_filter(self.current_filter())
        self.view.scrollToTop()
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(f"{shown} of {total} poses" if shown != total else f"{total} poses")
        empty = shown == 0 and total > 0
        self.view.setVisible(not empty)
        self.empty_state.setVisible(empty)
        if empty:
            words = self.search.text().strip()
            self.empty_text.setText(f"No poses match “{words}” with these filters." if words
                                    else "No poses match these filters.")

    def _on_view_activated(self, index: QModelIndex) -> None:
        self.show_details(index)

    def _on_view_activated_for_add(self) -> None:
        """Ctrl+Enter adds the card with the focus (and the rest of a selection it is part of)."""
        current = self.view.currentIndex()
        if current.isValid() and not self.view.selectionModel().isSelected(current):
            self.view.setCurrentIndex(current)
        self._on_add_clicked()

    def _on_add_clicked(self) -> None:
        ids = self.selected_pose_ids()
        if not ids:
            self.message_posted.emit("Select a pose card first, then add it")
            return
        if self._can_add:
            self.add_requested.emit(ids)

    def _on_view_context_menu(self, point: QPoint) -> None:
        index = self.view.indexAt(point)
        if not index.isValid():
            return
        menu = QMenu(self)
        add = menu.addAction("Add to routine", self._on_add_clicked)
        add.setEnabled(self._can_add)
        menu.addAction("Show details…", lambda: self.show_details(index))
        if index.data(PoseRole.CUSTOM):
            pose_id = str(index.data(PoseRole.POSE_ID))
            menu.addSeparator()
            menu.addAction("Edit pose…", lambda: self.edit_pose_requested.emit(pose_id))
            menu.addAction("Delete pose…", lambda: self.delete_pose_requested.emit(pose_id))
        menu.popup(self.view.viewport().mapToGlobal(point))
