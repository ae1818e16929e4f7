"""Drawing the pose figures with Qt: painter, SVG files and the contact sheet."""
