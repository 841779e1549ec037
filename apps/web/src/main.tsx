import { render } from 'preact';
import { App } from './app.js';
import { createServices } from './app-services.js';
import './styles.css';

const root = document.getElementById('app');
if (root === null) throw new Error('index.html has no #app element');
render(<App services={createServices(location)} />, root);
