import './ll-app.js';
