import React from 'react';
import Link from '@docusaurus/Link';
import Layout from '@theme/Layout';
import Translate, { translate } from '@docusaurus/Translate';
import styles from './index.module.css';

/** The landing page: what the site is, and the way into the first chapter. */
export default function Home(): React.JSX.Element {
  return (
    <Layout
      title={translate({ id: 'home.title', message: 'Deployment 与 StatefulSet 实验室' })}
      description={translate({
        id: 'home.description',
        message: '在浏览器里运行一个模拟的 Kubernetes 控制平面，动手学习 Deployment 与 StatefulSet。',
      })}
    >
      <header className={styles.hero}>
        <div className="container">
          <h1 className={styles.title}>Workload Lab</h1>
          <p className={styles.lead}>
            <Translate id="home.lead">
              动手学习 Kubernetes 的 Deployment 与 StatefulSet：稳定的网络标识、有序的创建与删除、每个 Pod
              独立的存储、分区滚动更新与强制删除的风险。
            </Translate>
          </p>
          <p className={styles.sub}>
            <Translate id="home.sub">
              每一页都带有可以编辑、可以运行的 TypeScript 代码单元。它们在你的浏览器里驱动一个模拟的 Kubernetes v1.34
              控制平面，输出与真实的 kubectl 一致。
            </Translate>
          </p>
          <Link className={`button button--secondary button--lg ${styles.start}`} to="/docs/overview">
            <Translate id="home.start">从第一章开始：Deployment 与 StatefulSet 概览</Translate>
          </Link>
        </div>
      </header>
      <main className="container margin-vert--lg">
        <div className="row">
          <section className="col col--4">
            <h2>
              <Translate id="home.run.title">运行，而不只是阅读</Translate>
            </h2>
            <p>
              <Translate id="home.run.body">
                修改示例里的 YAML 或命令，按“运行”或 Ctrl+Enter，立刻看到集群的反应。代码在独立的 Web Worker
                中执行，不会卡住页面。
              </Translate>
            </p>
          </section>
          <section className="col col--4">
            <h2>
              <Translate id="home.faithful.title">忠实于真实集群</Translate>
            </h2>
            <p>
              <Translate id="home.faithful.body">
                模拟器按照 Kubernetes 控制器的真实算法实现，使用虚拟时钟和固定随机种子，同样的命令每次得到同样的结果。
              </Translate>
            </p>
          </section>
          <section className="col col--4">
            <h2>
              <Translate id="home.notebooks.title">也能在 Jupyter 中使用</Translate>
            </h2>
            <p>
              <Translate id="home.notebooks.body">
                同一个模拟器可以在 tslab Jupyter notebook 和 kubesim 命令行中使用，代码可以原样搬过去。
              </Translate>
            </p>
          </section>
        </div>
      </main>
    </Layout>
  );
}
